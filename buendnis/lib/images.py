"""Uploaded images (partner logos, project pictures, the alliance logo).

Every upload is opened with Pillow, checked, re-encoded and scaled down, so the
stored file never carries the uploader's metadata, scripts or decompression bombs.
"""

import io
import uuid
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import format_html
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = {"PNG", "JPEG", "WEBP"}
LOGO_MAX_SIZE = (600, 600)
PICTURE_MAX_SIZE = (1600, 1200)


def alliance_folder(instance):
    """Each alliance's uploads live in their own folder, `alliances/<id>/`: the media
    view serves an alliance's host only its own files."""
    alliance_id = getattr(instance, "alliance_id", None) or instance.pk or "neu"
    return f"alliances/{alliance_id}"


# Folders inside an alliance's media folder that the /media/ view never serves: what lies
# there (receipts of the finances) is no public picture, and only views that check the
# reader's rights hand it out. Inside the alliance's folder, so backups carry it along.
PRIVATE_FOLDERS = {"belege"}


def logo_upload_to(instance, filename):
    return f"{alliance_folder(instance)}/logos/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


def picture_upload_to(instance, filename):
    return f"{alliance_folder(instance)}/bilder/{uuid.uuid4().hex}.{filename.rsplit('.', 1)[-1].lower()}"


def process_image(uploaded, max_size=LOGO_MAX_SIZE):
    """Validate an uploaded image and return it re-encoded as a ContentFile.

    Raises ValidationError with a German message for anything that is not a
    sound PNG, JPEG or WebP image within the size limits.
    """
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Die Datei ist zu groß (höchstens 5 MB)."), code="file_too_large"
        )
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(uploaded)
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(
                    _("Bitte laden Sie ein Bild im Format PNG, JPEG oder WebP hoch."),
                    code="invalid_format",
                )
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    _("Das Bild hat zu viele Bildpunkte (höchstens 40 Megapixel)."),
                    code="too_many_pixels",
                )
            image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("Das Bild hat zu viele Bildpunkte (höchstens 40 Megapixel)."),
            code="too_many_pixels",
        ) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("Die Datei ist kein lesbares Bild (PNG, JPEG oder WebP)."), code="corrupt"
        ) from None

    image = ImageOps.exif_transpose(image)
    has_alpha = image.mode in ("RGBA", "LA", "PA") or (
        image.mode == "P" and "transparency" in image.info
    )
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.thumbnail(max_size, Image.Resampling.LANCZOS)

    out = io.BytesIO()
    if has_alpha:
        image.save(out, format="PNG", optimize=True)
        extension = "png"
    else:
        image.save(out, format="JPEG", quality=85, optimize=True, progressive=True)
        extension = "jpg"
    return ContentFile(out.getvalue(), name=f"bild.{extension}")


class _StoredImage:
    """A stored image as the form shows it: a small picture (linked to the full one),
    never its file path."""

    def __init__(self, file):
        self.url = file.url

    def __str__(self):
        # Safe HTML: the form's template puts it into the link to the full image.
        return format_html('<img class="image-thumbnail" src="{}" alt="{}">', self.url, _("Bisheriges Bild"))


class ImageThumbnailInput(forms.ClearableFileInput):
    """Upload with the current image shown as a thumbnail."""

    def format_value(self, value):
        if self.is_initial(value):
            return _StoredImage(value)
        return None


class ImageUploadField(forms.FileField):
    """The form field of every uploaded image: a new upload goes through `process_image`.

    A plain file field underneath, so `process_image` does every check with its own
    German messages; a stored image that is not replaced is kept as it is.
    """

    widget = ImageThumbnailInput(attrs={"accept": "image/png,image/jpeg,image/webp"})

    def __init__(self, *, max_size=LOGO_MAX_SIZE, **kwargs):
        kwargs.pop("max_length", None)  # passed by model ImageFields; names are ours
        super().__init__(**kwargs)
        self.max_size = max_size

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            return process_image(value, max_size=self.max_size)
        return value
