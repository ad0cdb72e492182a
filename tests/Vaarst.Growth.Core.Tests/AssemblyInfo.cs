#if !SQLSERVER_LANE
[assembly: AssemblyFixture(typeof(Vaarst.Growth.Core.Tests.SqliteTemplatesCleanup))]
#endif
