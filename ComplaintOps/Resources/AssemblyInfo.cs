using System.Resources;

// SharedResource.resx holds 简体中文, the fallback language; English is the satellite.
[assembly: NeutralResourcesLanguage("zh-CN")]
