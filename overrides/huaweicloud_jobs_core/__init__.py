"""Handwritten glue for the generated huaweicloud-jobs service clients."""
