"""The occupation taxonomy (工种): families, occupations with synonyms and skills, and its loader."""
