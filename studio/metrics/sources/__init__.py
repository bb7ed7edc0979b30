"""Metric sources: each turns its input into sample rows and hands them to the writer."""
