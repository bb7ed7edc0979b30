"""The talkback panel (controller, 客服) and the talkback settings."""
