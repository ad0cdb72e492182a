using System.Linq.Expressions;
using Vaarst.Growth.Core.Data;

namespace Vaarst.Growth.Core.Framework;

/// <summary>
/// Which sections of a level apply to an engineer: every "All" section and the section of their specialism. This is
/// the one place the rule lives. Section names identify, so they compare without letter case (ADR 0006): in SQL
/// through the column's collation (<see cref="TextIdentity"/> gives SQLite's <c>NOCASE</c>, SQL Server's default is
/// case-insensitive), in memory through <see cref="TextIdentity.Same"/>.
/// </summary>
public static class Applicability
{
    /// <summary>In memory: does a section (its "All" flag and name) apply to an engineer of <paramref name="specialism"/>?</summary>
    public static bool Applies(bool appliesToAll, string sectionName, string? specialism) =>
        appliesToAll || TextIdentity.Same(sectionName, specialism);

    /// <summary>The rule for SQL: a section applies to an engineer of a specialism.</summary>
    private static readonly Expression<Func<Section, string?, bool>> Rule = (s, specialism) => s.AppliesToAll || s.Name == specialism;

    /// <summary>For EF queries over sections (translated to SQL).</summary>
    public static Expression<Func<Section, bool>> Sections(string? specialism) =>
        s => s.AppliesToAll || s.Name == specialism;

    /// <summary>
    /// A placeholder for <see cref="Rule"/> inside a query that <see cref="Expand{T}"/> rewrites (an EF compiled query,
    /// whose specialism is a parameter of the query rather than a value known when it is built). Never runs.
    /// </summary>
    public static bool AppliesTo(Section section, string? specialism) =>
        throw new InvalidOperationException("Applicability.AppliesTo only marks a place in a query for Applicability.Expand.");

    /// <summary>Puts the rule in place of every <see cref="AppliesTo"/> in <paramref name="query"/>.</summary>
    public static Expression<T> Expand<T>(Expression<T> query) => (Expression<T>)new Expander().Visit(query);

    /// <summary>
    /// For EF queries over anything that reaches its section through <paramref name="section"/> (an area, a statement):
    /// the same condition as <see cref="Sections"/>, with the path put in place of the section.
    /// </summary>
    public static Expression<Func<T, bool>> Via<T>(Expression<Func<T, Section?>> section, string? specialism)
    {
        var rule = Sections(specialism);
        var body = new Substitution(rule.Parameters[0], section.Body).Visit(rule.Body);
        return Expression.Lambda<Func<T, bool>>(body, section.Parameters);
    }

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Applicability) || node.Method.Name != nameof(AppliesTo))
            {
                return base.VisitMethodCall(node);
            }

            var section = Visit(node.Arguments[0]);
            var specialism = Visit(node.Arguments[1]);
            var body = new Substitution(Rule.Parameters[0], section).Visit(Rule.Body);
            return new Substitution(Rule.Parameters[1], specialism).Visit(body);
        }
    }

    private sealed class Substitution(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }
}
