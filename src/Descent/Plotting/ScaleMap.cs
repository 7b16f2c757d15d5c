namespace Descent.Plotting;

/// <summary>
/// Maps data values on one axis to pixels: p = p0 + (f(v) - f(d0)) / (f(d1) - f(d0)) · (p1 - p0), with f the
/// identity (linear) or log10 (log). (d0, p0) is the low end of the axis, (d1, p1) the high end.
/// </summary>
internal readonly struct ScaleMap
{
    private readonly double _f0, _scale;

    public ScaleMap(AxisScale scale, double d0, double d1, double p0, double p1)
    {
        Scale = scale; D0 = d0; D1 = d1; P0 = p0; P1 = p1;
        _f0 = F(d0);
        double span = F(d1) - _f0;
        _scale = span != 0 ? (p1 - p0) / span : 0;
    }

    public AxisScale Scale { get; }
    public double D0 { get; }
    public double D1 { get; }
    public double P0 { get; }
    public double P1 { get; }

    /// <summary>The pixel of data value v (NaN for v &lt;= 0 on a log axis).</summary>
    public double Map(double v) => P0 + (F(v) - _f0) * _scale;

    private double F(double v) => Scale == AxisScale.Log ? (v > 0 ? Math.Log10(v) : double.NaN) : v;
}
