-- Keep chunk embeddings in the table row instead of TOAST (bench/kb). A row is a 1,544-byte vector plus the passage
-- and its tsvector; when it passed the ~2 KB TOAST threshold (a third of the rows at 1M chunks) the vector, its largest
-- value, was moved out of line, so the exact search of an account (every published chunk compared) read a TOAST index
-- and page per chunk on top of the heap page: 15,000 buffers instead of 3,600 for 9,091 chunks. MAIN lets the passage
-- and tsvector be compressed or moved out instead; it applies to rows written from now on (an article edit rewrites
-- its chunks).
-- [jooq ignore start]
ALTER TABLE kb_chunks ALTER COLUMN embedding SET STORAGE MAIN;
-- [jooq ignore stop]
