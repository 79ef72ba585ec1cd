"""What people use: plain-text output for the terminal (``present``), HTML (``render``) and the Gradio app (``ui``).

``service`` (ask and check over one searcher, values from forms and clients), ``assets`` (``static/``).
"""
