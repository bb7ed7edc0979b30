"""Qt widgets and windows only; everything they show comes from the core through AppContext."""
