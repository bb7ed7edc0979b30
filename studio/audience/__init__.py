"""The audience desk (客服): viewer events in, questions understood, grouped, answered.

Viewer events are ingested exactly once, chats are classified by rules in a data file (jieba for
segmentation), repeated questions grouped, and answers recorded with who and when.
"""
