"""Talkback: messages from the crew (场控, 客服, rules) to the anchor's prompter.

Stored per show, synced to other stations, queued offline exactly once; acknowledged by the
anchor, expired or cleared. The rules that send messages by themselves live in `studio.rules`.
"""
