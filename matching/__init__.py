"""Text analysis, occupation taxonomy, embeddings, search backends and hybrid ranking."""
