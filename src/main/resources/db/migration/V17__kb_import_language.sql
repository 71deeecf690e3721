-- An imported markdown file may name its language in front matter (language: fi); the import keeps it until the
-- file becomes an article, whose language picks the full-text configuration. NULL: English, as before.
ALTER TABLE kb_import_files ADD COLUMN language VARCHAR;
