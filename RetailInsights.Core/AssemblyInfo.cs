namespace RetailInsights.Core;

/// <summary>Marker for the pure engines assembly: no EF, ASP.NET or Hangfire references live here.</summary>
public static class CoreAssembly;
