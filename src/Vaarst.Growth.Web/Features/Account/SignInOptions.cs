namespace Vaarst.Growth.Web.Features.Account;

/// <summary>How people sign in to this instance.</summary>
public sealed record SignInOptions(string Mode)
{
    public bool DevelopmentSignIn => Mode == Hosting.AuthenticationModes.Development;
}
