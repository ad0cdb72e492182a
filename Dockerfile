# syntax=docker/dockerfile:1
# Vaarst Growth web app. Build: docker build -t vaarst-growth .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Build files and project files first, so the restore layer is reused until they change.
COPY Directory.Build.props Directory.Packages.props global.json dotnet-tools.json Vaarst.Growth.sln ./
COPY src/Vaarst.Growth.Core/Vaarst.Growth.Core.csproj src/Vaarst.Growth.Core/
COPY src/Vaarst.Growth.Web/Vaarst.Growth.Web.csproj src/Vaarst.Growth.Web/
COPY migrations/Vaarst.Growth.Migrations.Sqlite/Vaarst.Growth.Migrations.Sqlite.csproj migrations/Vaarst.Growth.Migrations.Sqlite/
COPY migrations/Vaarst.Growth.Migrations.SqlServer/Vaarst.Growth.Migrations.SqlServer.csproj migrations/Vaarst.Growth.Migrations.SqlServer/
RUN dotnet restore src/Vaarst.Growth.Web/Vaarst.Growth.Web.csproj

COPY src/ src/
COPY migrations/ migrations/
RUN dotnet publish src/Vaarst.Growth.Web -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# /data holds uploaded evidence (mount a volume at /data/evidence) and, if SQLite is used,
# the database file. It is owned by the non-root app user so a fresh named volume is writable.
RUN mkdir -p /data/evidence && chown -R "$APP_UID" /data

COPY --from=build /app ./
COPY seed-content/ /app/seed-content/

ENV ASPNETCORE_HTTP_PORTS=8080 \
    Framework__SeedContentPath=/app/seed-content \
    Evidence__FileStorePath=/data/evidence

# No HEALTHCHECK here: the aspnet image has no curl/wget. Probe GET /health from the
# orchestrator or a reverse proxy instead (see docs/deployment.md).
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "Vaarst.Growth.Web.dll"]
