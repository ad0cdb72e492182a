namespace Vaarst.Growth.Web.Features.Evidence;

/// <summary>A statement evidence can be attached to, as the evidence dialog lists it.</summary>
public sealed record StatementOption(int StatementId, string AreaName, string Text);
