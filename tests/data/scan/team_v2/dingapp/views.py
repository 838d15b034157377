from ding.models import Ding
from ding import views as ding_views


def index(request):
    return Ding.objects.all()
