app_name = "arbeitsgruppen"

urlpatterns = []
