global using LifePos.Dashboard.Tests.Support;
