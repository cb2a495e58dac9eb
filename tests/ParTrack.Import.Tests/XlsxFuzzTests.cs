using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;

namespace ParTrack.Import.Tests;

/// <summary>
/// Mutates the XML inside the seed 000 annex workbook (<see cref="XlsxReaderTests.Seed000Annex"/>) and
/// re-zips it, so the damage reaches the reader rather than stopping at the zip's checksums: cut XML,
/// deleted or repeated spans, and numbers replaced by odd ones (cell references, style and shared-string
/// indexes, merge ranges, row numbers). The importer must read a plan or refuse with an
/// <see cref="ImportException"/>, never throw anything else. The random seed is fixed for replay.
/// </summary>
public class XlsxFuzzTests
{
    private const int Iterations = 300;

    [Fact]
    public void MutatedWorkbooks_AreReadOrRefused_NeverCrash()
    {
        var original = Entries(XlsxReaderTests.Seed000Annex());
        var xmlNames = original.Keys.Where(n => n.EndsWith(".xml", StringComparison.Ordinal)).Order().ToArray();
        var rng = new Random(20261122);
        var outcomes = new Dictionary<string, int> { ["read"] = 0, ["refused"] = 0 };
        for (var i = 0; i < Iterations; i++)
        {
            var name = xmlNames[rng.Next(xmlNames.Length)];
            var (mutation, xml) = Mutate(Encoding.UTF8.GetString(original[name]), rng);
            var entries = new Dictionary<string, byte[]>(original) { [name] = Encoding.UTF8.GetBytes(xml) };
            var bytes = Zip(entries);
            try
            {
                PlanImporter.Import(bytes, "phuluc.xlsx");
                outcomes["read"]++;
            }
            catch (ImportException e)
            {
                e.Message.Should().NotBeNullOrWhiteSpace();
                outcomes["refused"]++;
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"iteration {i} ({mutation} in {name}) threw {e}");
            }
        }
        // Number changes mostly leave a readable workbook; if nothing is ever read the test proves little.
        outcomes["read"].Should().BeGreaterThan(Iterations / 5);
        outcomes["refused"].Should().BeGreaterThan(0);
    }

    private static (string Name, string Xml) Mutate(string xml, Random rng)
    {
        switch (rng.Next(4))
        {
            case 0:
                return ("truncate", xml[..rng.Next(xml.Length)]);
            case 1:
                {
                    var start = rng.Next(xml.Length);
                    return ("delete", xml.Remove(start, Math.Min(xml.Length - start, rng.Next(1, 200))));
                }
            case 2:
                {
                    var start = rng.Next(xml.Length);
                    var span = xml.Substring(start, Math.Min(xml.Length - start, rng.Next(1, 300)));
                    return ("repeat", xml.Insert(start, span));
                }
            default:
                {
                    string[] odd = ["0", "-1", "4294967295", "99999999999", "16385", "1048577", "2147483648", "1e308", "NaN", ""];
                    var n = 0;
                    var mutated = Regex.Replace(xml, @"\d+", m => rng.Next(8) == 0 && n++ < 6 ? odd[rng.Next(odd.Length)] : m.Value);
                    return ("numbers", mutated);
                }
        }
    }

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var ms = new MemoryStream();
            s.CopyTo(ms);
            return ms.ToArray();
        });
    }

    private static byte[] Zip(Dictionary<string, byte[]> entries)
    {
        using var ms = new MemoryStream();
        using (var archive = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                using var s = archive.CreateEntry(name).Open();
                s.Write(content);
            }
        return ms.ToArray();
    }
}
