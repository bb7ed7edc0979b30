"""The remote-control and status server: HTTP, WebSocket and OSC for panels, tablets and phones.

One asyncio server off the GUI thread serves `/api/v1`, the browser views and the ingest routes,
with the same token, size limits, timeouts and connection cap on every route.
"""
