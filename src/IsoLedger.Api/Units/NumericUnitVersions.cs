using IsoLedger.Api.Hosting;

namespace IsoLedger.Api.Units;

/// <summary>Builds before the group commit kept unit states as an inline projection, versioned by number: their
/// <c>mt_version</c> is a <c>bigint</c>, which PostgreSQL refuses to cast to the <c>uuid</c> Marten now declares, so
/// such a database stopped the API at startup. The state's version is its stream's, kept in the JSON; the column only
/// tells writes apart, so each row gets a new one. Every schema's unit table is converted (Marten's schema name is
/// configuration).</summary>
public static class NumericUnitVersions
{
    public static readonly SchemaUpgrade Upgrade = new("""
        do $$
        declare unit_table record;
        begin
            for unit_table in select a.attrelid::regclass::text as name from pg_attribute a
                    join pg_class c on c.oid = a.attrelid
                    where c.relname = 'mt_doc_unit' and a.attname = 'mt_version' and a.atttypid = 'bigint'::regtype
                        and not a.attisdropped loop
                execute format('alter table %s alter column mt_version drop default', unit_table.name);
                execute format('alter table %s alter column mt_version type uuid '
                    || 'using md5(id || mt_version::text || clock_timestamp()::text)::uuid', unit_table.name);
                execute format('alter table %s alter column mt_version '
                    || 'set default md5(random()::text || clock_timestamp()::text)::uuid', unit_table.name);
            end loop;
        end $$
        """);
}
