using System.Text;

namespace ParTrack.Tests.Dossiers;

/// <summary>Builds a canonical partrack.dossiers/v1 CSV where each test states only the cells that matter.</summary>
public sealed class DossierCsv
{
    public const string Header = "dossier_code,procedure_code,procedure_name,field,agency,level,received_at,due_at,resolved_at,returned_at,channel,service_level,fee_required,paid_online,digitised_inputs,digitised_result,status,suspended_days";

    readonly StringBuilder _text = new(Header + "\n");
    int _next = 1;

    public DossierCsv Row(string agency = "Sở Tư pháp", string received = "2025-01-10", string due = "2025-01-20", string resolved = "2025-01-15",
        string status = "da_giai_quyet", string channel = "truc_tuyen", string service = "toan_trinh", string fee = "1", string paid = "1",
        string inputs = "1", string result = "1", string suspended = "", string? code = null, string procedure = "1.001", string level = "")
    {
        code ??= $"HS-{_next++:D6}";
        _text.Append($"{code},{procedure},\"Cấp phiếu lý lịch tư pháp, số 1\",Tư pháp,{agency},{level},{received},{due},{resolved},,{channel},{service},{fee},{paid},{inputs},{result},{status},{suspended}\n");
        return this;
    }

    public DossierCsv Raw(string line)
    {
        _text.Append(line).Append('\n');
        return this;
    }

    public override string ToString() => _text.ToString();

    public byte[] Bytes(bool bom = false) => [.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(ToString())];

    /// <summary>Written to a scratch file (deleted by the caller's temp folder cleanup).</summary>
    public string Save(string folder, bool bom = false)
    {
        var path = Path.Combine(folder, $"dossiers-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, Bytes(bom));
        return path;
    }
}
