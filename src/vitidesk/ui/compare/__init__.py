"""Before/after comparison of two photos: modes, alignment, depigmentation estimate."""
