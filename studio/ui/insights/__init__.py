"""The insights page across shows (InsightsPanel)."""

from studio.ui.insights.panel import InsightsPanel

__all__ = ["InsightsPanel"]
