"""The 客服 station and the control room's audience panel."""
