namespace Vaarst.Growth.Core.Tests.Evidence;

/// <summary>A forward-only stream of <c>length</c> bytes that starts with <c>prefix</c>, without holding them in memory.</summary>
internal sealed class GeneratedStream(long length, byte[]? prefix = null) : Stream
{
    private readonly byte[] _prefix = prefix ?? [];
    private long _position;

    public long BytesRead => _position;
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < count; i++)
        {
            var at = _position + i;
            buffer[i] = at < _prefix.Length ? _prefix[at] : (byte)('a' + at % 26);
        }

        _position += count;
        return count;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
