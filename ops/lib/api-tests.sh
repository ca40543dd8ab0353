# Sourced by ops/test.sh, after ops/lib/local-db.sh: the environment of the API tests (dotnet test).
#   ISOLEDGER_TEST_CONNECTION  where each test class creates its database (default: the local cluster's isoledger_test)
# Microsoft.AspNetCore.Mvc.Testing writes the API's folder for the test hosts into an MSBuild expression, which a "'"
# in the checkout's path breaks: every host then looked for its content root in a folder that does not exist. Named
# here, that folder is not read from there.
export ISOLEDGER_TEST_CONNECTION="${ISOLEDGER_TEST_CONNECTION:-$(local_db_connection isoledger_test)}"
export ASPNETCORE_TEST_CONTENTROOT_ISOLEDGER_API="$repo/src/IsoLedger.Api"
