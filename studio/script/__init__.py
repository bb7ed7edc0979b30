"""The show script: model, YAML and spreadsheet import, validation, storage and editing."""
