"""The yearly survey of the member organisations for the welfare report."""
