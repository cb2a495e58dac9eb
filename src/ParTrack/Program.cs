using System.Text;
using ParTrack.Cli;

Console.OutputEncoding = Encoding.UTF8;

if (args.Length > 0 && args[0] == "import")
    return ImportCommand.Run(args[1..], Console.Out, Console.Error);

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorPages();

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
}
app.UseStaticFiles();
app.UseRouting();
app.UseAuthorization();
app.MapRazorPages();
app.MapGet("/health", () => Results.Ok(new { status = "ok" }));
app.Run();
return 0;

public partial class Program;
