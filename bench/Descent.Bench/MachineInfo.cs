using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Descent.Bench;

/// <summary>A one-line description of the machine: processor, cores, widest SIMD, OS, .NET.</summary>
public static class MachineInfo
{
    public static string Describe()
    {
        string cpu = RuntimeInformation.ProcessArchitecture.ToString();
        const string cpuInfo = "/proc/cpuinfo";
        if (File.Exists(cpuInfo))
        {
            string? model = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null)
                cpu = model[(model.IndexOf(':') + 1)..].Trim();
        }
        string simd = Vector512.IsHardwareAccelerated ? "AVX-512" : Avx2.IsSupported ? "AVX2" : "no AVX2";
        if (Fma.IsSupported)
            simd += "+FMA";
        return $"{cpu}, {Environment.ProcessorCount} cores, {simd}, {RuntimeInformation.OSDescription}, .NET {Environment.Version}";
    }
}
