"""Import of Word files (.docx, and .doc through LibreOffice) into draft articles.

``reading`` opens and checks the uploaded file, ``converter`` turns the document into an
``ImportedArticle`` without touching the database, and ``drafts`` saves it as a draft
``news.ArticlePage`` with its images. The admin views and the ``import_docx`` command both
go through ``import_word_file`` and ``create_draft_article``.
"""
