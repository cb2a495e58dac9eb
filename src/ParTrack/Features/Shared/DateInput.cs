using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace ParTrack.Features;

/// <summary>
/// Dates in forms are typed dd/mm/yyyy whatever the browser's language: a native date input shows the browser's
/// order (mm/dd/yyyy on an English browser), which officers misread. Every <c>&lt;input type="date"&gt;</c> in the
/// pages is rendered as a text input with a pattern and a dd/mm/yyyy value (<see cref="DateInputTagHelper"/>); with
/// scripts, site.js adds a button opening the native picker. The server reads the text with
/// <see cref="FormInput.TryDate"/> (<see cref="DateBinderProvider"/>); an unreadable date is a model error, which the
/// handlers turn into a Vietnamese message and refuse the post (FormInput.Unreadable), so no stored value is erased.
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=date]")]
public sealed class DateInputTagHelper(Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : TagHelper
{
    /// <summary>After the framework's input helper, which writes asp-for values as yyyy-MM-dd.</summary>
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("pattern", @"\d{1,2}/\d{1,2}/\d{4}");
        output.Attributes.SetAttribute("placeholder", "dd/mm/yyyy");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("data-date", t["Chọn ngày trên lịch"].Value); // the picker button's name (site.js)
        if (output.Attributes.TryGetAttribute("value", out var value) && FormInput.TryDate(ValueText(value.Value), out var day))
            output.Attributes.SetAttribute("value", day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
    }

    static string? ValueText(object? value) => value switch
    {
        null => null,
        string s => s,
        Microsoft.AspNetCore.Html.IHtmlContent html => Render(html),
        _ => value.ToString(),
    };

    static string Render(Microsoft.AspNetCore.Html.IHtmlContent html)
    {
        using var writer = new StringWriter();
        html.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}

/// <summary>Binds DateOnly and DateTime form/query values through <see cref="FormInput.TryDate"/>.</summary>
public sealed class DateBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        if (type != typeof(DateOnly) && type != typeof(DateTime)) return null;
        return new DateBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()));
    }

    sealed class DateBinder(IModelBinder fallback) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            var result = context.ValueProvider.GetValue(context.ModelName);
            var text = result.FirstValue;
            if (result == ValueProviderResult.None || string.IsNullOrWhiteSpace(text) || !FormInput.TryDate(text, out var day))
                return BindOther(context, result, text);
            context.ModelState.SetModelValue(context.ModelName, result);
            var type = Nullable.GetUnderlyingType(context.ModelType) ?? context.ModelType;
            context.Result = ModelBindingResult.Success(type == typeof(DateOnly) ? day : day.ToDateTime(TimeOnly.MinValue));
            return Task.CompletedTask;
        }

        /// <summary>Empty values and full date-times keep the framework's binding; any other text is an error, never "the same date in another order".</summary>
        Task BindOther(ModelBindingContext context, ValueProviderResult result, string? text)
        {
            // A DateTime may be a full date and time (API-like clients, datetime-local): the framework reads those.
            if (result == ValueProviderResult.None || string.IsNullOrWhiteSpace(text)
                || (context.ModelType != typeof(DateOnly) && context.ModelType != typeof(DateOnly?)))
                return fallback.BindModelAsync(context);
            context.ModelState.SetModelValue(context.ModelName, result);
            context.ModelState.TryAddModelError(context.ModelName,
                context.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, context.ModelMetadata.GetDisplayName()));
            return Task.CompletedTask;
        }
    }
}
