from django.db import models


class Ding(models.Model):
    name = models.CharField(max_length=20)
