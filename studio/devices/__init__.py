"""Capture and analysis of the studio's devices (camera, microphone, light). No Qt here."""
