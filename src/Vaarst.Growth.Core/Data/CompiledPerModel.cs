using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Vaarst.Growth.Core.Data;

/// <summary>
/// An EF Core compiled query (<see cref="EF.CompileAsyncQuery{TContext, TParam1, TResult}(System.Linq.Expressions.Expression{Func{TContext, TParam1, IQueryable{TResult}}})"/>)
/// kept once per model, so one process can use both providers (the tests do) without a query compiled for one running
/// against the other. A compiled query skips what EF does on every call of a LINQ query: building the expression tree,
/// extracting its parameters and looking the query up in the cache (docs/performance.md, issue #15: about a fifth of a
/// read use case's time). For hot reads only; every other query stays plain LINQ.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _byModel = [];

    public TQuery For(DbContext db) => _byModel.GetValue(db.Model, _ => compile());
}
