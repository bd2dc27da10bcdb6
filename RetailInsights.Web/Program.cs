var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
app.MapGet("/", () => "RetailInsights");
app.Run();

public partial class Program;
