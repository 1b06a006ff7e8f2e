"""Image uploads that answer a damaged, disguised or enormous file with a message, not a server error.

Wagtail's image field recognises a format from the file's first bytes, then asks Pillow for
the size outside its own error handling: a truncated PNG, a GIF header glued to an HTML
page, or a 20,000 × 20,000 "decompression bomb" each ended in HTTP 500. Here any failure to
read the image is a validation error on the field, and nothing is stored.
"""

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class CheckedImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Image.DecompressionBombError as error:
            raise ValidationError(
                f"This image has too many pixels to open safely (at most {self.max_image_pixels:,} are accepted). "
                "Make it smaller and upload it again.",
                code="file_too_many_pixels",
            ) from error
        except Exception as error:  # noqa: BLE001 — whatever Pillow raises, the file is unreadable
            raise ValidationError(
                "This file cannot be read as an image: it may be damaged, cut short, or not really the kind of "
                f"image its name says ({filesizeformat(f.size)} received). Open it in an image editor, save it "
                "again as PNG or JPEG, and upload that.",
                code="invalid_image",
            ) from error


class ImageForm(BaseImageForm):
    """Wagtail's image form with the checked file field (``WAGTAILIMAGES_IMAGE_FORM_BASE``)."""

    file = CheckedImageField(label="File")
