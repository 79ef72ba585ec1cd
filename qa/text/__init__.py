"""Chinese text, with no knowledge of reports: normalisation, tokens, sentences, gram weights, quantities.

``normalise`` (Traditional → Simplified, full-width, figures), ``tokenize`` (characters, bigrams, jieba),
``sentences`` (the one sentence and clause splitter), ``grams`` (IDF of characters and bigrams),
``quantities`` (figures as values with units and qualifiers), ``places`` (administrative place names).
"""
