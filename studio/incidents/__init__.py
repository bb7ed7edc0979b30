"""Incidents: one-keystroke logging, lifecycle with history, playbooks, auto-incidents from monitors.

Plain Python on the store; the Qt panel lives in `studio.ui.incidents.panel`.
"""
