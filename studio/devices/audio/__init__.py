"""Microphone capture (sounddevice / soundfile) and pure numpy/scipy audio analysis. No Qt here."""
