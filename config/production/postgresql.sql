-- The gateway's role and database on PostgreSQL (13 or later). Run as the postgres superuser:
--   sudo -u postgres psql -v password="'change-me'" -f config/production/postgresql.sql
-- The gateway's Flyway migrations create and change its tables at each start, as this role.
CREATE ROLE lienthong LOGIN PASSWORD :password;
CREATE DATABASE lienthong OWNER lienthong ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE lienthong FROM PUBLIC;
\connect lienthong
-- PostgreSQL 15+ no longer lets every role create in public; the owner of the schema can
ALTER SCHEMA public OWNER TO lienthong;
