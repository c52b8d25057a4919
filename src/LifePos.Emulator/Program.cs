var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => "LIFE POS emulator");
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"LIFE POS emulator listening on {app.Urls.First()}"));
app.Run();
