namespace Descent.Tests.Data;

/// <summary>An endless stream of one byte value (as /dev/zero), or a finite one, delivered <c>chunk</c> bytes per Read (as a pipe).</summary>
internal sealed class TrickleStream(byte[] content, int chunk, byte fill = 0, bool endless = false) : Stream
{
    private long _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        int n = Math.Min(count, chunk);
        if (!endless)
            n = (int)Math.Min(n, content.Length - _position);
        for (int i = 0; i < n; i++)
            buffer[offset + i] = _position + i < content.Length ? content[_position + i] : fill;
        _position += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
