"""Live metrics: canonical names, KPI formulas, sources, the batched writer and alert rules."""
