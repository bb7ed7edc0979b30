"""The cue runner: a pure state machine (`state`), its CueEvents (`events`), crash recovery
(`recovery`) and planned-vs-actual timings (`actuals`)."""
