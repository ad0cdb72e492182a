namespace Vaarst.Growth.Core;

/// <summary>A use case refused a request; the message is written for the person who made it.</summary>
public abstract class UseCaseException(string message) : Exception(message);

/// <summary>The caller may not do this.</summary>
public sealed class ForbiddenException(string message = "You are not allowed to do that.") : UseCaseException(message);

/// <summary>The thing asked for does not exist (or the caller may not know that it does).</summary>
public sealed class NotFoundException(string message) : UseCaseException(message);

/// <summary>The input is invalid; nothing was changed.</summary>
public sealed class ValidationException(IReadOnlyList<string> errors)
    : UseCaseException(errors.Count == 1 ? errors[0] : string.Join(Environment.NewLine, errors))
{
    public ValidationException(string error) : this([error]) { }

    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>Someone else changed the same thing first; nothing of the caller's was saved, so they can retry.</summary>
public sealed class ConflictException(string message) : UseCaseException(message);
