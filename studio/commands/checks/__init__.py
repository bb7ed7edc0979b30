"""One module per `studio check` kind, each with `register_check(subparsers)`."""
