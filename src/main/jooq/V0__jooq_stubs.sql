-- jOOQ codegen only (never applied by Flyway): types PostgreSQL extensions provide at run time.
CREATE DOMAIN vector AS other;
